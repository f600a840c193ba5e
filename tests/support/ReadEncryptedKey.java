import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PrivateKey;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Java's own reading of an EncryptedPrivateKeyInfo (DER file, password, key algorithm):
 * prints the PBES2 scheme the JDK maps it to and the key's algorithm, or fails. keytool cannot
 * import a PEM private key, so this is how the JDK is asked.
 */
public class ReadEncryptedKey {
  public static void main(String[] args) throws Exception {
    EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(Files.readAllBytes(Path.of(args[0])));
    AlgorithmParameters params = info.getAlgParameters();
    SecretKey key = SecretKeyFactory.getInstance(params.toString()).generateSecret(new PBEKeySpec(args[1].toCharArray()));
    Cipher cipher = Cipher.getInstance(params.toString());
    cipher.init(Cipher.DECRYPT_MODE, key, params);
    PrivateKey privateKey = KeyFactory.getInstance(args[2]).generatePrivate(info.getKeySpec(cipher));
    System.out.println(params + " " + privateKey.getAlgorithm());
  }
}

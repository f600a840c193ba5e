/**
 * "Email contacts" on a certificate: opens the person's mail client with every vault contact
 * as a recipient and the certificate's expiry prefilled. The app itself sends nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CertificateContact } from '../state/vault-api';
import { getVault, vaultStore } from '../state/vault-client';
import { useStore } from '../state/use-store';
import { hrefFor } from '../state/router';
import { buildContactsMailto } from './contacts-mailto';

export interface EmailContactsButtonProps {
  certificateName: string;
  expiresOn?: Date;
  /** the certificate's subject (RFC 4514) */
  subject?: string;
  thumbprint?: string;
  issuerName?: string;
  /** contacts, when the page already has them; otherwise read from the current vault */
  contacts?: CertificateContact[];
}

export function EmailContactsButton(props: EmailContactsButtonProps) {
  const vaultName = useStore(vaultStore, (s) => s.name);
  const revision = useStore(vaultStore, (s) => s.revision);
  const [loaded, setLoaded] = useState<CertificateContact[] | undefined>(props.contacts);
  useEffect(() => {
    if (props.contacts) {
      setLoaded(props.contacts);
      return;
    }
    let live = true;
    void getVault()
      .then((v) => v.getContacts())
      .then((c) => live && setLoaded(c))
      .catch(() => live && setLoaded([]));
    return () => {
      live = false;
    };
  }, [props.contacts, vaultName, revision]);
  if (!loaded) return null;
  const mail = buildContactsMailto({
    ...props,
    contacts: loaded,
    vaultName,
    certificateName: props.certificateName,
    now: new Date(),
  });
  if (!mail) {
    return (
      <span class="email-contacts">
        No contact has an email address: <a href={hrefFor('contacts')}>add contacts</a> to email them about this
        certificate.
      </span>
    );
  }
  return (
    <a class="button email-contacts" href={mail.href} title={`To: ${mail.recipients.join(', ')}`}>
      Email contacts
    </a>
  );
}

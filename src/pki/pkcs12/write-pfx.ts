import type { Pkcs12WriteOptions } from '../pkcs12';
import type { Bytes } from '../types';
export async function writePfx(options: Pkcs12WriteOptions): Promise<Bytes> {
  throw new Error('todo');
}

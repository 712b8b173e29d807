import { createHash, randomBytes } from 'node:crypto';

/** A fresh random password: 32 URL-safe characters, 192 bits. */
export function newAclPassword(): string {
  return randomBytes(24).toString('base64url');
}

/** The form Redis ACL rules accept instead of the password itself (`#<hex>`): its SHA-256. */
export function aclPasswordHash(password: string): string {
  return createHash('sha256').update(password, 'utf8').digest('hex');
}

/**
 * Uploaded files: content checked by its bytes, stored under DATA_DIR/uploads
 * by id (never by the user's file name), with a row in `files` saying who
 * owns it. Services decide who may read a file and call `read` after checking.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/platform-tables.ts';
import { DomainError } from '../http/errors.ts';
import { sniffType, type SniffedType } from './sniff-type.ts';
import { isUuid } from '../http/ids.ts';

export interface StoredFile {
  id: string;
  originalName: string;
  mime: SniffedType;
  size: number;
  sha256: string;
}

export class FileStore {
  constructor(
    private readonly db: Kysely<PlatformTables>,
    private readonly dir: string,
    readonly maxBytes: number,
  ) {}

  async save(input: { bytes: Buffer; originalName: string; owner: { type: string; id: string }; allowed: SniffedType[] }): Promise<StoredFile> {
    if (input.bytes.length > this.maxBytes) {
      throw new DomainError('too_large', 413, 'error.tooLarge.body', { max: Math.floor(this.maxBytes / 1024 / 1024) });
    }
    const mime = sniffType(input.bytes, input.originalName);
    if (!mime || !input.allowed.includes(mime)) {
      throw new DomainError('file_type', 415, 'error.fileType.body', { allowed: input.allowed.join(', ') });
    }
    const sha256 = crypto.createHash('sha256').update(input.bytes).digest('hex');
    const name = path.basename(input.originalName).normalize('NFKC').slice(0, 200);
    const row = await this.db
      .insertInto('files')
      .values({ owner_type: input.owner.type, owner_id: input.owner.id, original_name: name, mime, size: input.bytes.length, sha256 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await fs.mkdir(this.dir, { recursive: true });
    await fs.writeFile(path.join(this.dir, row.id), input.bytes, { flag: 'wx' });
    return { id: row.id, originalName: name, mime, size: input.bytes.length, sha256 };
  }

  async read(id: string): Promise<{ file: StoredFile; owner: { type: string; id: string }; bytes: Buffer } | null> {
    if (!isUuid(id)) return null;
    const row = await this.db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const bytes = await fs.readFile(path.join(this.dir, row.id));
    return {
      file: { id: row.id, originalName: row.original_name, mime: row.mime as SniffedType, size: row.size, sha256: row.sha256 },
      owner: { type: row.owner_type, id: row.owner_id },
      bytes,
    };
  }
}

// What the agent needs from S3 (src/aws/s3.ts implements it): streamed multipart uploads with
// bounded memory, small text objects, removing everything under a prefix, and closing the client.
import type { Readable } from 'node:stream';

export interface ObjectStore {
  /** Uploads a stream of unknown length (multipart); resolves once the object is in S3. */
  upload(key: string, body: Readable): Promise<void>;
  putText(key: string, text: string): Promise<void>;
  /** Deletes every object whose key starts with prefix; returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  /** Lets go of the S3 client and its sockets (after a run, a delete, or a failure). */
  close(): void;
}

// Bucket-level operations: ListBuckets, Create/Head/DeleteBucket, GetBucketLocation,
// ListObjects(V2), DeleteObjects, ListMultipartUploads.
import { receiveSmall } from './body.js';
import { malformedXml, S3Error } from './errors.js';
import { type S3Request, sendEmpty, sendXml } from './http.js';
import { decodeToken, encodeToken, listObjects, parseMaxKeys } from './list.js';
import type { Multipart } from './multipart.js';
import type { S3Storage } from './storage.js';
import { elements, text, type XmlNode } from './xml.js';

export const OWNER: XmlNode[] = [
  ['ID', '000000000000'],
  ['DisplayName', 'dms-tui-sandbox'],
];

/** Small request documents (Delete lists at most 1,000 keys of at most 1 KB each). */
const MAX_XML = 2 * 1024 * 1024;

export function listBuckets(s3: S3Request, storage: S3Storage): void {
  const buckets = storage.listBuckets().map(
    (b): XmlNode => [
      'Bucket',
      [
        ['Name', b.name],
        ['CreationDate', b.created],
      ],
    ],
  );
  sendXml(s3, 200, 'ListAllMyBucketsResult', [
    ['Owner', OWNER],
    ['Buckets', buckets],
  ]);
}

export async function createBucket(s3: S3Request, storage: S3Storage): Promise<void> {
  const body = await receiveSmall(s3.req, MAX_XML);
  const region = text(body, 'LocationConstraint')?.trim() || s3.region;
  storage.createBucket(s3.bucket, region);
  sendEmpty(s3, 200, { Location: `/${s3.bucket}` });
}

export function bucketLocation(s3: S3Request, storage: S3Storage): void {
  const { region } = storage.bucket(s3.bucket);
  sendXml(s3, 200, 'LocationConstraint', region === 'us-east-1' ? '' : region);
}

export async function listObjectsOf(s3: S3Request, storage: S3Storage): Promise<void> {
  const q = s3.query;
  const v2 = q.get('list-type') === '2';
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const maxKeys = parseMaxKeys(q.get('max-keys'));
  const token = q.get('continuation-token');
  const startAfter = (v2 ? q.get('start-after') : q.get('marker')) ?? '';
  const after = v2 && token ? decodeToken(token) : startAfter;
  const urlEncoded = q.get('encoding-type') === 'url';
  if (q.has('encoding-type') && !urlEncoded)
    throw new S3Error('InvalidArgument', 'Invalid Encoding Method specified in Request', 400);
  const enc = (s: string) => (urlEncoded ? encodeURIComponent(s).replace(/%2F/g, '/') : s);
  const page = await listObjects(storage, s3.bucket, { prefix, delimiter, maxKeys, after });
  const contents = page.contents.map(
    ({ key, meta }): XmlNode => [
      'Contents',
      [
        ['Key', enc(key)],
        ['LastModified', meta.lastModified],
        ['ETag', meta.etag],
        ['Size', meta.size],
        ['StorageClass', 'STANDARD'],
        ...(v2 && q.get('fetch-owner') !== 'true' ? [] : [['Owner', OWNER] as XmlNode]),
      ],
    ],
  );
  const prefixes = page.commonPrefixes.map(
    (p): XmlNode => ['CommonPrefixes', [['Prefix', enc(p)]]],
  );
  const next = page.isTruncated && page.last !== undefined ? page.last : undefined;
  const head: XmlNode[] = [
    ['Name', s3.bucket],
    ['Prefix', enc(prefix)],
    ...(v2
      ? ([
          ['KeyCount', page.contents.length + page.commonPrefixes.length],
          ['ContinuationToken', token ?? undefined],
          ['NextContinuationToken', next !== undefined ? encodeToken(next) : undefined],
          ['StartAfter', q.has('start-after') ? enc(startAfter) : undefined],
        ] as XmlNode[])
      : ([
          ['Marker', enc(startAfter)],
          // S3 gives NextMarker only with a delimiter; clients use the last key otherwise.
          ['NextMarker', next !== undefined && delimiter ? enc(next) : undefined],
        ] as XmlNode[])),
    ['MaxKeys', maxKeys],
    ['Delimiter', delimiter ? enc(delimiter) : undefined],
    ['EncodingType', urlEncoded ? 'url' : undefined],
    ['IsTruncated', page.isTruncated],
  ];
  sendXml(s3, 200, 'ListBucketResult', [...head, ...contents, ...prefixes]);
}

export async function deleteObjects(s3: S3Request, storage: S3Storage): Promise<void> {
  storage.bucket(s3.bucket);
  const body = await receiveSmall(s3.req, MAX_XML);
  if (!body.includes('<Delete')) throw malformedXml();
  const quiet = text(body, 'Quiet')?.trim() === 'true';
  const keys = elements(body, 'Object').map((o) => text(o, 'Key'));
  if (keys.length === 0 || keys.length > 1000) throw malformedXml();
  const results: XmlNode[] = [];
  for (const key of keys) {
    if (key === undefined) throw malformedXml();
    try {
      storage.deleteObject(s3.bucket, key);
      if (!quiet) results.push(['Deleted', [['Key', key]]]);
    } catch (error) {
      if (!(error instanceof S3Error)) throw error;
      results.push([
        'Error',
        [
          ['Key', key],
          ['Code', error.code],
          ['Message', error.message],
        ],
      ]);
    }
  }
  sendXml(s3, 200, 'DeleteResult', results);
}

export function listUploads(s3: S3Request, storage: S3Storage, multipart: Multipart): void {
  storage.bucket(s3.bucket);
  const prefix = s3.query.get('prefix') ?? '';
  const uploads = multipart.list(s3.bucket, prefix).slice(0, 1000);
  sendXml(s3, 200, 'ListMultipartUploadsResult', [
    ['Bucket', s3.bucket],
    ['KeyMarker', ''],
    ['UploadIdMarker', ''],
    ['Prefix', prefix],
    ['MaxUploads', 1000],
    ['IsTruncated', false],
    ...uploads.map(
      (u): XmlNode => [
        'Upload',
        [
          ['Key', u.key],
          ['UploadId', u.uploadId],
          ['Initiator', OWNER],
          ['Owner', OWNER],
          ['StorageClass', 'STANDARD'],
          ['Initiated', u.initiated],
        ],
      ],
    ),
  ]);
}

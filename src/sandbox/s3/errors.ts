// S3 errors as S3 sends them: an HTTP status and an <Error><Code>…</Code><Message>…</Message>
// document (no body for HEAD). The codes and default texts are S3's own.

export class S3Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** Extra elements of the <Error> document (Key, BucketName, UploadId …). */
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export const noSuchBucket = (bucket: string) =>
  new S3Error('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket });
export const noSuchKey = (key: string) =>
  new S3Error('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });
export const noSuchUpload = (uploadId: string) =>
  new S3Error(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    404,
    { UploadId: uploadId },
  );
export const bucketNotEmpty = (bucket: string) =>
  new S3Error('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, {
    BucketName: bucket,
  });
export const bucketAlreadyOwned = (bucket: string) =>
  new S3Error(
    'BucketAlreadyOwnedByYou',
    'Your previous request to create the named bucket succeeded and you already own it.',
    409,
    { BucketName: bucket },
  );
export const invalidBucketName = (bucket: string) =>
  new S3Error('InvalidBucketName', 'The specified bucket is not valid.', 400, {
    BucketName: bucket,
  });
export const invalidArgument = (message: string) => new S3Error('InvalidArgument', message, 400);
export const invalidRequest = (message: string) => new S3Error('InvalidRequest', message, 400);
export const malformedXml = () =>
  new S3Error(
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema',
    400,
  );
export const invalidPart = (part: number) =>
  new S3Error(
    'InvalidPart',
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    400,
    { PartNumber: String(part) },
  );
export const invalidPartOrder = () =>
  new S3Error(
    'InvalidPartOrder',
    'The list of parts was not in ascending order. Parts must be ordered by part number.',
    400,
  );
export const entityTooSmall = () =>
  new S3Error(
    'EntityTooSmall',
    'Your proposed upload is smaller than the minimum allowed object size.',
    400,
  );
export const entityTooLarge = (max: number) =>
  new S3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, {
    MaxSizeAllowed: String(max),
  });
export const invalidRange = (size: number) =>
  new S3Error('InvalidRange', 'The requested range is not satisfiable', 416, {
    ActualObjectSize: String(size),
  });
export const badDigest = (what: string) =>
  new S3Error('BadDigest', `The ${what} you specified did not match the calculated checksum.`, 400);
export const incompleteBody = () =>
  new S3Error(
    'IncompleteBody',
    'You did not provide the number of bytes specified by the Content-Length HTTP header.',
    400,
  );
export const notImplemented = (what: string) =>
  new S3Error(
    'NotImplemented',
    `A header or query you provided implies functionality that is not implemented: ${what} (the dms-tui sandbox serves a subset of S3)`,
    501,
  );
export const methodNotAllowed = () =>
  new S3Error(
    'MethodNotAllowed',
    'The specified method is not allowed against this resource.',
    405,
  );

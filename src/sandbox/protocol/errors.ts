// Errors the sandbox answers with, as AWS JSON 1.1 services send them (docs/dms-api.md §1):
// the code in `__type` (and the same in the x-amzn-errortype header), `message`, HTTP status.

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export const notFound = (message: string) => new ApiError('ResourceNotFoundFault', message);
export const invalidState = (message: string) => new ApiError('InvalidResourceStateFault', message);
export const invalidValue = (message: string) =>
  new ApiError('InvalidParameterValueException', message);
export const invalidCombination = (message: string) =>
  new ApiError('InvalidParameterCombinationException', message);
export const alreadyExists = (message: string, resourceArn?: string) =>
  new ApiError('ResourceAlreadyExistsFault', message, 400, resourceArn ? { resourceArn } : {});

export const logsNotFound = (message: string) => new ApiError('ResourceNotFoundException', message);
export const logsInvalid = (message: string) => new ApiError('InvalidParameterException', message);

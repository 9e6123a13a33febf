// asl-validator 4 ships no type declarations; this covers the call we make (validate one definition).
declare module 'asl-validator' {
  export interface AslValidationError {
    'Error code': string;
    Message: string;
    schemaError?: { instancePath: string; schemaPath: string };
  }
  export interface AslValidationOptions {
    /** Checks JSONPath syntax in InputPath/OutputPath/ResultPath (default true). */
    readonly checkPaths: boolean;
    /** Checks that Resource values look like ARNs (default true). */
    readonly checkArn: boolean;
  }
  export interface AslValidationResult {
    isValid: boolean;
    errors: AslValidationError[];
    errorsText: (separator?: string) => string;
  }
  function aslValidator(definition: unknown, options?: AslValidationOptions): AslValidationResult;
  export default aslValidator;
}

package org.oppmatch.lookup;

/**
 * Why a lookup gives no answer, with its exit code: 2 for arguments that say too little (a name of
 * several companies), 3 for a run or a company that is not there.
 */
class LookupFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final int BAD_ARGUMENTS = 2;
  static final int NOT_FOUND = 3;

  private final int exitCode;

  LookupFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  static LookupFailure badArguments(String message) {
    return new LookupFailure(BAD_ARGUMENTS, message);
  }

  static LookupFailure notFound(String message) {
    return new LookupFailure(NOT_FOUND, message);
  }

  int exitCode() {
    return exitCode;
  }
}

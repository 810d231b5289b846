package io.wasmhive.executor.internal.host;

/** The WASI preview1 errno values this host returns (numbers from the witx / wasi-libc {@code api.h}). */
final class Errno {

  static final int SUCCESS = 0;
  static final int BADF = 8;
  static final int EXIST = 20;
  static final int FAULT = 21;
  static final int INTR = 27;
  static final int INVAL = 28;
  static final int ISDIR = 31;
  static final int MFILE = 33;
  static final int NAMETOOLONG = 37;
  static final int NOENT = 44;
  static final int NOSPC = 51;
  static final int NOSYS = 52;
  static final int NOTDIR = 54;
  static final int NOTEMPTY = 55;
  static final int NOTSUP = 58;
  static final int SPIPE = 70;
  static final int NOTCAPABLE = 76;

  private Errno() {
  }
}

package org.oppmatch.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local file system sets permissions as Hadoop's does, without a chmod process. */
class LocalFilesTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void filesAndDirectoriesGetTheRequestedPermissions() throws Exception {
    Configuration conf = new Configuration();
    conf.set(LocalFiles.KEY, LocalFiles.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    FileSystem fs = new Path(dir.toUri()).getFileSystem(conf);
    assertInstanceOf(LocalFiles.class, fs);
    Path sub = new Path(dir.toUri().toString(), "a/b");
    fs.mkdirs(sub, new FsPermission((short) 0750));
    assertEquals(
        "rwxr-x---",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
    try (OutputStream out = fs.create(new Path(sub, "x.txt"), true)) {
      out.write(1);
    }
    fs.setPermission(new Path(sub, "x.txt"), new FsPermission((short) 0604));
    assertEquals(
        "rw----r--",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/x.txt"))));
    assertEquals(1, Files.readAllBytes(dir.resolve("a/b/x.txt")).length);
  }
}

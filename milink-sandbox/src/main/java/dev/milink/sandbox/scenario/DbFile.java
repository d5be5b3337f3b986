// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

/** A database file (sys.database_files / sys.master_files). */
public final class DbFile {
    public int fileId;
    public String name;
    /** ROWS, LOG, FILESTREAM or FULLTEXT. */
    public String type = "ROWS";
    public String filegroup;
    public String physicalName;
    public long sizeMb = 64;
}

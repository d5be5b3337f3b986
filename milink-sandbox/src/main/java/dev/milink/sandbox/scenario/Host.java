// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

/** sys.dm_os_host_info / sys.dm_os_windows_info. */
public final class Host {
    public String platform = "Windows";
    public String distribution = "Windows Server 2019 Datacenter";
    public String release = "10.0";
    public String servicePackLevel = "";
    public Integer sku = 8;
    public int languageVersion = 1033;
    /** Windows build number or Linux distribution label shown in @@VERSION. */
    public String build = "17763";
}

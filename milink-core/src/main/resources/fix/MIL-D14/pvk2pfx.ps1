# MIL-D14 step 2 of 3 (Windows): combine the exported .cer and .pvk into a .pfx with pvk2pfx.exe (Windows
# SDK). Copy both files into the current folder first. The password is read from the environment variable
# MILINK_TDE_CERT_PASSWORD (the one used in step 1; the .pfx gets the same one).
pvk2pfx.exe -pvk {{pvk:powershell}} -pi $env:MILINK_TDE_CERT_PASSWORD -spc {{cer:powershell}} -pfx {{pfx:powershell}} -po $env:MILINK_TDE_CERT_PASSWORD

# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
# want: copy-to-file-path
COPY a.ps1 b.ps1 C:/tools
COPY a.ps1 b.ps1 C:/tools/
# A Windows directory ends with its own separator.
COPY a.dll b.dll C:\Windows\System32\

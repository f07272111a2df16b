# escape=`
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY bla.ps1 c:\tools\bla.ps1
COPY bla.ps1 d:/tools/bla.ps1
# want: relative-copy-dest
COPY bla.ps1 tools\

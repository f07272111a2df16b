# escape=`
# Windows images run RUN in cmd (or the SHELL's PowerShell), not sh: the
# text is not a package command.
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN echo apt-get install curl && `
    choco install git
SHELL ["powershell", "-Command"]
RUN Write-Output 'x'; apt-get install `
    curl

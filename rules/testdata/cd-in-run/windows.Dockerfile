# escape=`
# cmd and PowerShell RUNs are not POSIX shell: their cd, wget (an alias of
# Invoke-WebRequest) and curl.exe are not judged.
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN cd C:\app && nmake
SHELL ["powershell", "-Command"]
RUN cd C:\tools; wget https://example.com/x.zip -OutFile x.zip; curl.exe -o y https://example.com/y; shutdown /r
WORKDIR C:\proc

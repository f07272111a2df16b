# escape=`
# A runtime base on Server Core: no CMD of its own, so cmd.exe, the
# Windows images' default, is what runs; images built on it decide.
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN Invoke-WebRequest https://example.com/jre.zip -OutFile jre.zip; Expand-Archive jre.zip C:\jre
ENV JAVA_HOME=C:\jre

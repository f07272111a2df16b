# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
# want: copy-ignored-file
COPY secrets/ C:/secrets/
COPY app/ C:/app/

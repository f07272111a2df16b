# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
# want: legacy-key-value-format
ENV APP_HOME C:\app
ENV OTHER=C:\other

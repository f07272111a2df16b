# escape=`
# want: stage-name-casing
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS Base
RUN powershell -Command `
    Write-Host hi
FROM base AS final

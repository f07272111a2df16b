# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
# want: empty-continuation-line
RUN powershell -Command `

    Write-Host hi

# escape=`
# want: missing-user
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
COPY app.exe C:/app/app.exe
CMD ["C:\\app\\app.exe"]

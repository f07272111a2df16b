# escape=`
# Windows stages are not given to ShellCheck.
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN cd C:\src; make
CMD ["app.exe"]

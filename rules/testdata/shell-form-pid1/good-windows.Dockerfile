FROM mcr.microsoft.com/windows/servercore:ltsc2022
CMD ping -t localhost

FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8 AS legacy
CMD C:\ServiceMonitor.exe w3svc

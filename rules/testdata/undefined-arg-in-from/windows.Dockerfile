# escape=`
ARG WIN=ltsc2022
FROM mcr.microsoft.com/windows/servercore:${WIN}
# want: undefined-arg-in-from
FROM mcr.microsoft.com/windows/nanoserver:${NANO}

# escape=`
# A Windows image: its CMD runs in cmd, which dlint does not read.
FROM mcr.microsoft.com/windows/servercore:ltsc2022
CMD ping -t `
    localhost

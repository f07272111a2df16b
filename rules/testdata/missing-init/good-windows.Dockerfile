FROM mcr.microsoft.com/windows/servercore:ltsc2022
COPY node /node
CMD ["node", "server.js"]

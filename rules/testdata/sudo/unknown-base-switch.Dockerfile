# An unknown base and no step that proves its user: `sudo -u app` runs one
# command as app either way (an info).
FROM registry.example.com/tools/builder:5
# want: sudo
RUN sudo -u app make

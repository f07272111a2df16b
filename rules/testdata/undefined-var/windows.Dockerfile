# escape=`
FROM scratch
# want: undefined-var
COPY --chown=${UID} a `
    /a

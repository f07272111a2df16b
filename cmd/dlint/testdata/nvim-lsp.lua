-- Drives `dlint lsp` from Neovim's built-in client, for TestNeovimLSP:
-- open DLINT_FILE, wait for dlint's diagnostic DLINT_RULE, apply its
-- preferred quick fix, write the file, wait for the diagnostic to go.
-- Exits 0 on success; on failure prints why on stderr and exits 1.
-- Written for Neovim 0.7 (Debian 12) and later: vim.lsp.start appeared in
-- 0.8, vim.lsp.start_client is deprecated from 0.11.

local bin, file, root, rule = vim.env.DLINT_BIN, vim.env.DLINT_FILE, vim.env.DLINT_ROOT, vim.env.DLINT_RULE
local timeout = 10000 -- ms, for each wait; the Go test's own deadline is longer

local function say(msg)
  io.stderr:write('nvim-lsp.lua: ' .. msg .. '\n')
end

local client_id

local function finish(status)
  if client_id then
    -- stop_client and get_client_by_id are functions in every version;
    -- the client's own methods changed from client.f() to client:f().
    vim.lsp.stop_client(client_id)
    vim.wait(timeout, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  end
  vim.cmd((status == 0 and 'qall!') or ('cquit! ' .. status))
end

local function fail(msg)
  say(msg)
  finish(1)
end

local function main()
  if not (bin and file and root and rule) then
    return fail('DLINT_BIN, DLINT_FILE, DLINT_ROOT and DLINT_RULE must be set')
  end
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()

  local config = {
    name = 'dlint',
    cmd = { bin, 'lsp' },
    root_dir = root,
    on_exit = function(code)
      if code ~= 0 then say('dlint lsp exited with status ' .. code) end
    end,
  }
  if vim.lsp.start then
    client_id = vim.lsp.start(config, { bufnr = buf })
  else
    client_id = vim.lsp.start_client(config)
    if client_id then vim.lsp.buf_attach_client(buf, client_id) end
  end
  if not client_id then return fail('the client did not start') end

  local function ours()
    local found = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == rule then table.insert(found, d) end
    end
    return found
  end
  if not vim.wait(timeout, function() return #ours() > 0 end, 20) then
    return fail('no ' .. rule .. ' diagnostic within ' .. timeout .. ' ms; got ' .. vim.inspect(vim.diagnostic.get(buf)))
  end
  local d = ours()[1]
  say(string.format('diagnostic at %d:%d: %s', d.lnum + 1, d.col + 1, d.message))

  -- The file is ASCII, so the diagnostic's byte columns are UTF-16 ones.
  local range = {
    start = { line = d.lnum, character = d.col },
    ['end'] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col },
  }
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = range,
    context = {
      only = { 'quickfix' },
      diagnostics = { { range = range, message = d.message, code = d.code, source = d.source, severity = d.severity } },
    },
  }
  local replies, err = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, timeout)
  if not replies then return fail('textDocument/codeAction: ' .. tostring(err)) end
  local reply = replies[client_id]
  if not reply or reply.err then return fail('textDocument/codeAction: ' .. vim.inspect(reply)) end
  local action
  for _, a in ipairs(reply.result or {}) do
    if a.isPreferred and a.edit then action = a end
  end
  if not action then return fail('no preferred quick fix among ' .. vim.inspect(reply.result)) end
  say('applying: ' .. action.title)

  local client = vim.lsp.get_client_by_id(client_id)
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
  vim.cmd('write')

  -- The fixed text, sent on change and save, must lint clean.
  if not vim.wait(timeout, function() return #ours() == 0 end, 20) then
    return fail(rule .. ' still reported after the fix: ' .. vim.inspect(ours()))
  end
  finish(0)
end

local ok, err = pcall(main)
if not ok then fail('error: ' .. tostring(err)) end

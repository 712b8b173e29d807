-- The server time an offer stamped on an item (`"enqueuedUs":<µs>}` at its end), or nil when it
-- has none. Only the last 40 bytes are searched: a scan of the whole item cost 2 µs per take.
local function enqueuedAt(item)
  local stamp = string.match(item, '"enqueuedUs":(%d+)}$', -40)
  return stamp and tonumber(stamp)
end

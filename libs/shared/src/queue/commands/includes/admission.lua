-- Room left in the queue: the capacity bounds the queued items plus those customers hold in
-- reliable delivery (stats `inFlight`), so returning a held item can never overfill the queue.
local function roomLeft(itemsKey, statsKey, capacity)
  local inFlight = tonumber(redis.call('HGET', statsKey, 'inFlight') or '0')
  return capacity - redis.call('LLEN', itemsKey) - inFlight
end

--[[
  A cook offers one item: the capacity check and the push are one atomic step, so any number
  of producers can never overfill the queue. The item is stored exactly as sent. An id accepted
  before (an offer re-sent after a reconnect) is refused and counted.

  KEYS[1] items       the list of items
  KEYS[2] stats       the counters hash
  KEYS[3] seen        the marker of this item's id (the caller names it after the id)
  ARGV[1] capacity
  ARGV[2] item        the item, stored exactly as sent
  ARGV[3] dedupTtlS   seconds the id is remembered (0: not at all)
  Reply:  {1, length after} queued (READY)
          {0, length}       the queue was full and the item dropped (FULL)
          {2, length}       the id was accepted before; nothing changed but `duplicates`
]]
-- @include track-length
-- @include admission

-- Every redis.call costs about 0.5 µs, so an accepted item's id is checked and remembered in
-- one SET NX; reads come first, so a failing command leaves nothing half done.
local length = redis.call('LLEN', KEYS[1])
local kept = redis.call('HMGET', KEYS[2], 'inFlight', 'at')
local remember = tonumber(ARGV[3]) > 0
local function duplicate()
  redis.call('HINCRBY', KEYS[2], 'duplicates', 1)
  return {2, length}
end
if roomLeft(tonumber(ARGV[1]), length, kept[1]) <= 0 then
  if remember and redis.call('EXISTS', KEYS[3]) == 1 then
    return duplicate()
  end
  redis.call('HINCRBY', KEYS[2], 'full', 1)
  return {0, length}
end
if remember and not redis.call('SET', KEYS[3], 1, 'EX', ARGV[3], 'NX') then
  return duplicate()
end
local now = nowMicros()
creditLength(KEYS[2], length, now, kept[2])
redis.call('LPUSH', KEYS[1], ARGV[2])
redis.call('HINCRBY', KEYS[2], 'ready', 1)
return {1, length + 1}

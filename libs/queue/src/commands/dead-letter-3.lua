--[[
  Sets aside an item a customer took but could not use, with the reason, and counts it as
  dead-lettered instead of taken (simple delivery) or in flight (reliable delivery).

  KEYS[1] dead        the dead-letter list (RPUSH: oldest entry first)
  KEYS[2] stats       the counters hash
  KEYS[3] processing  this customer's processing list (empty in simple delivery)
  ARGV[1] entry       JSON with the raw item, the reason, who and when
  ARGV[2] item        the item exactly as taken
  ARGV[3] how         'held': reliable delivery, the item is in the processing list; 'taken':
                      simple delivery, the item was counted as taken when it was popped
  Reply:  the length of the dead-letter list
]]
if ARGV[3] == 'held' then
  -- Not held any more: set aside by this same call before (ioredis re-sends an unanswered
  -- command after a reconnect), or returned by a reaper; either way nothing is left to do.
  if redis.call('LREM', KEYS[3], 1, ARGV[2]) == 0 then
    return redis.call('LLEN', KEYS[1])
  end
  redis.call('HINCRBY', KEYS[2], 'inFlight', -1)
else
  redis.call('HINCRBY', KEYS[2], 'taken', -1)
end
redis.call('HINCRBY', KEYS[2], 'deadLettered', 1)
return redis.call('RPUSH', KEYS[1], ARGV[1])

--[[
  Sets aside an item a customer took but could not read, with the reason, and counts it as
  dead-lettered instead of taken.

  KEYS[1] dead-letter list
  KEYS[2] stats hash
  ARGV[1] the entry: JSON with the raw item, the reason, who and when
  Reply:  the length of the dead-letter list
]]
redis.call('HINCRBY', KEYS[2], 'taken', -1)
redis.call('HINCRBY', KEYS[2], 'deadLettered', 1)
return redis.call('LPUSH', KEYS[1], ARGV[1])

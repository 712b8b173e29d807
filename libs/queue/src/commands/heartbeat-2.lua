--[[
  Reliable delivery: a live customer says so. The key expires unless renewed, which is how a
  reaper tells a dead customer from a slow one.

  KEYS[1] heartbeat   this customer's heartbeat key
  KEYS[2] consumers   the set of customers with a processing list
  ARGV[1] consumer    the customer's name
  ARGV[2] ttlMs       milliseconds the heartbeat lasts
  Reply:  1
]]
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
return 1

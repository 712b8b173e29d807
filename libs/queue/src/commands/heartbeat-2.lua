--[[
  Reliable delivery: a live customer says so. The key expires unless renewed, which is how a
  reaper tells a dead customer from a slow one.

  KEYS[1] this customer's heartbeat key
  KEYS[2] consumers set
  ARGV[1] the customer's name
  ARGV[2] milliseconds the heartbeat lasts
  Reply:  1
]]
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
return 1

--[[
  Stores the queue's capacity the first time the queue is used and returns the stored one, so a
  process configured with another capacity can refuse to start.

  KEYS[1] meta        the settings hash
  ARGV[1] capacity    a whole number >= 1
  Reply:  the stored capacity (integer)
]]
redis.call('HSETNX', KEYS[1], 'capacity', ARGV[1])
return tonumber(redis.call('HGET', KEYS[1], 'capacity'))

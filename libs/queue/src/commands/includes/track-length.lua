-- Server time in microseconds. Scripts are replicated by effects (Redis 7), so TIME is allowed.
local function nowMicros()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000000 + tonumber(t[2])
end

-- A whole number as digits: Lua's own tostring would print 1.7e+15 for a time in microseconds.
local function digits(n)
  return string.format('%d', n)
end

-- Credits the time since the last change of length to the length the queue had until now
-- ("t:<length>" in microseconds), so the report can give the time-weighted queue length and
-- the share of time at each length. Call it just before the length changes. `last` is the
-- stats field `at` (false when unset); a caller that reads other fields too passes it from
-- the same HMGET, one call fewer.
local function creditLength(statsKey, lengthBefore, now, last)
  if last then
    redis.call('HINCRBY', statsKey, 't:' .. lengthBefore, digits(now - tonumber(last)))
    redis.call('HSET', statsKey, 'at', digits(now))
  else
    redis.call('HSET', statsKey, 'since', digits(now), 'at', digits(now))
  end
end

local function trackLength(statsKey, lengthBefore, now)
  creditLength(statsKey, lengthBefore, now, redis.call('HGET', statsKey, 'at'))
end

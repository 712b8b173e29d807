--[[
  Reads, in one atomic step, everything the accounting identity needs, so that
  accepted = taken + queued + inFlight + deadLettered can be checked at any moment, with any
  number of processes running. In flight is measured from the processing lists themselves,
  not from a counter, so a lost item shows up as `lost`.

  KEYS[1] stats             the counters hash
  KEYS[2] items             the list of items
  KEYS[3] consumers         the set of customers with a processing list
  ARGV[1] processingPrefix  the prefix of processing lists (`{queue}:processing:`); they share
                            the queue's hash slot, so reading them is safe on Redis Cluster too
  Reply:  {ready, taken, queued, inFlight, deadLettered, redelivered, duplicates}
]]
local function count(field)
  return tonumber(redis.call('HGET', KEYS[1], field) or '0')
end
local inFlight = 0
for _, consumer in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  inFlight = inFlight + redis.call('LLEN', ARGV[1] .. consumer)
end
return {
  count('ready'), count('taken'), redis.call('LLEN', KEYS[2]), inFlight,
  count('deadLettered'), count('redelivered'), count('duplicates'),
}

-- Room left in the queue: the capacity bounds the queued items plus those customers hold in
-- reliable delivery (stats `inFlight`, false when unset), so returning a held item can never
-- overfill the queue. The caller reads both, as it needs them anyway.
local function roomLeft(capacity, length, inFlight)
  return capacity - length - tonumber(inFlight or '0')
end

-- Releases a reservation and adds the actual cost to the budget keys of one call.
-- KEYS: for each claim, its balance hash and its reservations sorted set
-- ARGV: reservation id, reserved amount, actual amount,
--       then for each claim: limit, space-separated alert thresholds, key expiry (ms, 0 for none)
-- Amounts are integers in units of 10^-9 of the currency.
-- Returns, for each threshold crossed first by this settlement: claim index, threshold index, spent.
local claims = #KEYS / 2
local id, reserved, actual = ARGV[1], ARGV[2], ARGV[3]
local crossed = {}
for i = 1, claims do
  local balance, reservations = KEYS[2 * i - 1], KEYS[2 * i]
  if redis.call('ZREM', reservations, id .. ':' .. reserved) == 1 then
    redis.call('HINCRBY', balance, 'reserved', '-' .. reserved)
  end
  local spent = redis.call('HINCRBY', balance, 'spent', actual)
  local limit = tonumber(ARGV[1 + 3 * i])
  local index = 0
  for threshold in string.gmatch(ARGV[2 + 3 * i], '%S+') do
    index = index + 1
    if spent >= limit * tonumber(threshold) and redis.call('HSETNX', balance, 'alerted:' .. threshold, 1) == 1 then
      table.insert(crossed, i)
      table.insert(crossed, index)
      table.insert(crossed, spent)
    end
  end
  local keyExpiry = tonumber(ARGV[3 + 3 * i])
  if keyExpiry > 0 then
    redis.call('PEXPIREAT', balance, keyExpiry)
    redis.call('PEXPIREAT', reservations, keyExpiry)
  end
end
return crossed

-- Reserves an amount against the budget keys of one call, all or none.
-- KEYS: for each claim, its balance hash and its reservations sorted set
-- ARGV: reservation id, amount, now (ms), reservation expiry (ms),
--       then for each claim: limit (-1 when not enforced), key expiry (ms, 0 for none)
-- Amounts are integers in units of 10^-9 of the currency.
-- Returns {0} when reserved, or {index of the refusing claim, spent, reserved}.
local claims = #KEYS / 2
local id, amount, now, expiry = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
for i = 1, claims do
  local balance, reservations = KEYS[2 * i - 1], KEYS[2 * i]
  local expired = redis.call('ZRANGEBYSCORE', reservations, '-inf', now)
  for _, member in ipairs(expired) do
    redis.call('HINCRBY', balance, 'reserved', '-' .. string.match(member, ':(%d+)$'))
  end
  if #expired > 0 then
    redis.call('ZREMRANGEBYSCORE', reservations, '-inf', now)
  end
end
for i = 1, claims do
  local limit = tonumber(ARGV[3 + 2 * i])
  if limit >= 0 then
    local balance = KEYS[2 * i - 1]
    local spent = tonumber(redis.call('HGET', balance, 'spent') or '0')
    local reserved = tonumber(redis.call('HGET', balance, 'reserved') or '0')
    if spent + reserved + tonumber(amount) > limit then
      return {i, spent, reserved}
    end
  end
end
for i = 1, claims do
  local balance, reservations = KEYS[2 * i - 1], KEYS[2 * i]
  redis.call('HINCRBY', balance, 'reserved', amount)
  redis.call('ZADD', reservations, expiry, id .. ':' .. amount)
  local keyExpiry = tonumber(ARGV[4 + 2 * i])
  if keyExpiry > 0 then
    redis.call('PEXPIREAT', balance, keyExpiry)
    redis.call('PEXPIREAT', reservations, keyExpiry)
  end
end
return {0}

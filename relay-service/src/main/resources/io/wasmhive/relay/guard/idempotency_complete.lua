-- Replaces KEYS[1] with the response ARGV[1] for ARGV[2] ms, keeping the fingerprint of the in-flight value
-- ("I:<64 hex>") it replaces: "D:<fingerprint>:<response>"; without one (the bare marker "I", or nothing): "D:<response>".
local current = redis.call('GET', KEYS[1])
local value = 'D:' .. ARGV[1]
if current and string.sub(current, 1, 2) == 'I:' then
  value = 'D:' .. string.sub(current, 3) .. ':' .. ARGV[1]
end
redis.call('SET', KEYS[1], value, 'PX', ARGV[2])
return value

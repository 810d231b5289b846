-- Replaces KEYS[1] with the response ARGV[1] for ARGV[2] ms, keeping the fingerprint of the in-flight value
-- ("I:<64 hex>", or "I:<64 hex>:<owner tag>") it replaces: "D:<fingerprint>:<response>"; without one (the bare
-- marker "I", "I::<owner tag>", or nothing): "D:<response>". The owner tag is not kept: the response names its user.
local current = redis.call('GET', KEYS[1])
local value = 'D:' .. ARGV[1]
if current and string.sub(current, 1, 2) == 'I:' then
  local fingerprint = string.sub(current, 3, 66)
  if string.len(fingerprint) == 64 and string.match(fingerprint, '^%x+$') then
    value = 'D:' .. fingerprint .. ':' .. ARGV[1]
  end
end
redis.call('SET', KEYS[1], value, 'PX', ARGV[2])
return value

-- Deletes KEYS[1] only while it holds an in-flight value (the marker ARGV[1], alone or followed by ":" and the
-- request's fingerprint); a stored response stays.
local current = redis.call('GET', KEYS[1])
if current and (current == ARGV[1] or string.sub(current, 1, #ARGV[1] + 1) == ARGV[1] .. ':') then
  return redis.call('DEL', KEYS[1])
end
return 0

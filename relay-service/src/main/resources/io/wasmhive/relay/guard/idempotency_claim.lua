-- Claims KEYS[1] with the in-flight marker ARGV[1] for ARGV[2] ms unless it exists, atomically.
-- Returns an empty string when claimed, else what is stored (the marker, or "D:" and the response).
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return ''
end
return redis.call('GET', KEYS[1])

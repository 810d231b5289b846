-- Deletes KEYS[1] only while it holds the in-flight marker ARGV[1]; a stored response stays.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0

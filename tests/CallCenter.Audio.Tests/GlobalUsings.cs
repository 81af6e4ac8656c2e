global using CallCenter.Audio;
global using CallCenter.Audio.Analysis;
global using CallCenter.Audio.Codecs;
global using CallCenter.Audio.Wav;
global using Xunit;

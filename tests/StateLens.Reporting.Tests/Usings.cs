global using StateLens.Engine.Model;
global using Xunit;

using System.IO;
using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;

namespace ModernApi.Controllers
{
    [ApiController]
    [Route("notes")]
    public class NotesController : ControllerBase
    {
        [HttpPost]
        public IActionResult Save(string name, string text)
        {
            System.IO.File.WriteAllText(Path.Combine("/var/notes", name + ".json"), JsonConvert.SerializeObject(text)); // expect: SL1002
            return Ok();
        }
    }
}
